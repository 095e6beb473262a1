import { useEffect, useRef, useState } from 'react';
import styled from 'styled-components';
import type { ExtractedValue } from '../../../../server/contracts/review';
import { colors } from '../../components/core';
import { boxToPixels, imageGeometry, type Box, type PageGeometry } from './geometry';
import { renderPdfPage } from './pdf';
import { useSteadyWidth } from './steadyWidth';
import { markReview } from './marks';

// The certificate page with a highlight over every value the reader located. The selected value's
// highlight is emphasised and scrolled into view.

const Stage = styled.div`
  position: relative;
  display: inline-block;
  line-height: 0;
  border: 1px solid ${colors.gray85};
`;

const Highlight = styled.button<{ $selected: boolean; $low: boolean }>`
  position: absolute;
  padding: 0;
  cursor: pointer;
  border: ${({ $selected }) => ($selected ? 3 : 1)}px solid ${({ $low }) => ($low ? colors.red50 : colors.blue50)};
  background: ${({ $selected }) => ($selected ? 'rgba(255, 200, 0, 0.35)' : 'rgba(33, 150, 243, 0.12)')};
  &:focus-visible {
    outline: 2px solid ${colors.gray15};
  }
`;

export const lowConfidence = (v: ExtractedValue) => v.confidence !== null && v.confidence < 0.8;

interface PageViewProps {
  bytes: ArrayBuffer;
  contentType: string;
  page: number;
  width: number;
  values: ExtractedValue[];
  selected: string | null;
  onSelect: (pointer: string) => void;
}

function usePageGeometry(props: PageViewProps, width: number, canvas: React.RefObject<HTMLCanvasElement | null>) {
  const [geometry, setGeometry] = useState<PageGeometry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isImage = props.contentType.startsWith('image/');
  useEffect(() => {
    if (isImage || !canvas.current) return;
    const controller = new AbortController();
    const { signal } = controller;
    // Highlights are placed from the page geometry as soon as it is known; drawing the pixels
    // may take a while (or be replaced by a newer draw when the panel is resized).
    const show = (g: PageGeometry) => {
      if (!signal.aborted) setGeometry(g);
    };
    const onGeometry = (g: PageGeometry) => {
      markReview('geometry');
      show(g);
    };
    const drawn = (g: PageGeometry) => {
      if (!signal.aborted) markReview('page');
      show(g);
    };
    renderPdfPage(props.bytes, props.page, canvas.current, width, { onGeometry, signal }).then(drawn, () => {
      // A draw given up for a newer one is no failure to show.
      if (!signal.aborted) setError('This certificate could not be shown. Download it from the request to look at it.');
    });
    return () => controller.abort();
  }, [props.bytes, props.page, width, isImage, canvas]);
  return { geometry, error, isImage };
}

export function PageView(props: PageViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useSteadyWidth(props.width);
  const { geometry: pdfGeometry, error, isImage } = usePageGeometry(props, width, canvas);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  // A picture's geometry follows the shown width, so highlights stay on it when the pane resizes.
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const geometry = isImage ? (natural ? imageGeometry(natural.width, natural.height, width) : null) : pdfGeometry;
  useEffect(() => {
    if (!isImage) return;
    const url = URL.createObjectURL(new Blob([props.bytes], { type: props.contentType }));
    setImageUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [isImage, props.bytes, props.contentType]);

  useEffect(() => {
    if (!props.selected) return;
    const highlight = Array.from(document.querySelectorAll<HTMLElement>('[data-pointer]')).find((e) => e.dataset.pointer === props.selected);
    highlight?.scrollIntoView?.({ block: 'center', inline: 'center', behavior: 'smooth' });
  }, [props.selected, geometry]);

  const onPage = props.values.filter((v): v is ExtractedValue & { box: Box } => v.box?.length === 4 && (v.page ?? 1) === props.page);
  const shown = geometry !== null && onPage.length > 0;
  useEffect(() => {
    if (shown) markReview('highlights');
  }, [shown]);
  if (error) return <p role="alert">{error}</p>;
  return (
    <Stage>
      {isImage ? (
        imageUrl && (
          <img
            src={imageUrl}
            alt="The certificate as received"
            data-page-surface
            width={width}
            onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          />
        )
      ) : (
        <canvas ref={canvas} data-page-surface aria-label={`Page ${props.page} of the certificate`} />
      )}
      {geometry &&
        onPage.map((v) => {
          const r = boxToPixels(v.box, geometry);
          const selected = v.pointer === props.selected;
          return (
            <Highlight
              key={v.pointer}
              type="button"
              data-pointer={v.pointer}
              aria-label={`${v.label}: ${v.value}`}
              aria-current={selected ? 'true' : undefined}
              $selected={selected}
              $low={lowConfidence(v)}
              style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
              onClick={() => props.onSelect(v.pointer)}
            />
          );
        })}
    </Stage>
  );
}
