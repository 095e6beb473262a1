import { useEffect, useRef, type InputHTMLAttributes } from 'react';
import styled from 'styled-components';
import { colors } from './core';

// A plain checkbox: core-react's Checkbox pulls its translation bundle in.

const CheckboxInput = styled.input`
  width: 16px;
  height: 16px;
  margin: 0;
  accent-color: ${colors.blue50};
  cursor: pointer;
`;

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { indeterminate?: boolean };

/** A native checkbox: its accessible name is exactly its aria-label, and it costs nothing to virtualise. */
export function Checkbox({ indeterminate = false, ...props }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <CheckboxInput ref={ref} type="checkbox" {...props} />;
}
