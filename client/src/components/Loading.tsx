import styled from 'styled-components';
import { colors, spacing, Spinner } from './core';

const Box = styled.div`
  display: flex;
  align-items: center;
  gap: ${spacing.md}px;
  padding: ${spacing.xl}px 0;
  color: ${colors.gray45};
  font-size: 14px;
`;

export function Loading({ label }: { label: string }) {
  return (
    <Box role="status">
      <Spinner size="sm" />
      <span>{label}</span>
    </Box>
  );
}
