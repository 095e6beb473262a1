import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import styled, { css } from 'styled-components';
import { colors, spacing } from './core';

// A plain modal and side drawer: core-react's Modal brings its translation bundle along, and the
// panel needs only a labelled dialog that keeps keyboard focus inside and closes on Escape.

const focusableSelector =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const Backdrop = styled.div<{ $drawer: boolean }>`
  position: fixed;
  inset: 0;
  z-index: 1000;
  display: flex;
  align-items: ${({ $drawer }) => ($drawer ? 'stretch' : 'flex-start')};
  justify-content: ${({ $drawer }) => ($drawer ? 'flex-end' : 'center')};
  background: rgba(0, 0, 0, 0.35);
  overflow: auto;
`;

const Box = styled.div<{ $drawer: boolean }>`
  display: flex;
  flex-direction: column;
  gap: ${spacing.md}px;
  box-sizing: border-box;
  background: ${colors.white};
  color: ${colors.gray15};
  font-size: 14px;
  line-height: 20px;
  padding: ${spacing.lg}px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
  &:focus {
    outline: none;
  }
  ${({ $drawer }) =>
    $drawer
      ? css`
          width: min(480px, 100%);
          min-height: 100%;
        `
      : css`
          width: min(560px, calc(100% - ${spacing.md * 2}px));
          margin: ${spacing.xl}px 0;
          border-radius: 6px;
        `}
`;

const Title = styled.h2`
  margin: 0;
  font-size: 18px;
  line-height: 24px;
`;

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** A full-height panel on the right, fitting Procore's 400 px side panel. */
  drawer?: boolean;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusableSelector));
}

/** Tab and Shift+Tab wrap around inside the dialog, so keyboard users never land behind it. */
function trapTab(event: KeyboardEvent<HTMLDivElement>, root: HTMLElement): void {
  const items = focusables(root);
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === root)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export function Dialog({ title, onClose, children, drawer = false }: DialogProps) {
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    boxRef.current?.focus();
    // Back to the button that opened it, so keyboard users keep their place.
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && boxRef.current) {
      trapTab(event, boxRef.current);
    }
  };

  return createPortal(
    <Backdrop $drawer={drawer} onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <Box ref={boxRef} $drawer={drawer} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <Title id={titleId}>{title}</Title>
        {children}
      </Box>
    </Backdrop>,
    document.body,
  );
}

export const DialogActions = styled.div`
  display: flex;
  flex-wrap: wrap;
  justify-content: flex-end;
  gap: ${spacing.sm}px;
  margin-top: ${spacing.sm}px;
`;
