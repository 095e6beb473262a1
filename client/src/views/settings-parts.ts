import styled from 'styled-components';
import { colors, spacing } from '../components/core';

// The Settings dialog's building blocks, shared by its sections.

/** A titled part of the Settings dialog. */
export const SettingsSection = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  padding-bottom: ${spacing.md}px;
  border-bottom: 1px solid ${colors.gray90};
  h3 {
    margin: 0;
    font-size: 14px;
  }
  p {
    margin: 0;
  }
`;

/** A label over its input. */
export const SettingsField = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
  /* core's Input is 100% wide plus padding: keep it inside the dialog. */
  input {
    box-sizing: border-box;
  }
`;

/** A checkbox with its words beside it. */
export const CheckLabel = styled.label`
  display: flex;
  gap: ${spacing.sm}px;
  align-items: flex-start;
`;
