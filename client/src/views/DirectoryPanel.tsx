import type { UseQueryResult } from '@tanstack/react-query';
import styled from 'styled-components';
import type { Directory } from '../../../server/contracts/directory';
import { colors, H1, spacing } from '../components/core';
import { DirectoryTable } from '../components/DirectoryTable';
import { QueryState } from '../components/QueryState';

const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  flex: 1 1 auto;
  min-height: 0;
`;

const Subtitle = styled.p`
  margin: 0;
  font-size: 12px;
  color: ${colors.gray45};
`;

function title(directory: Directory): string {
  return directory.project ? `${directory.project.name}: project directory` : `${directory.company.name}: company directory`;
}

function syncedText(syncedAt: string): string {
  const date = new Date(syncedAt);
  return Number.isNaN(date.getTime()) ? 'Synced from Procore' : `Synced from Procore ${date.toLocaleString()}`;
}

/** The directory heading and table, shared by the project and company panels. */
export function DirectoryPanel({ query, loadingLabel }: { query: UseQueryResult<Directory>; loadingLabel: string }) {
  return (
    <QueryState query={query} loadingLabel={loadingLabel}>
      {(directory) => (
        <Section aria-labelledby="directory-title">
          <H1 id="directory-title" style={{ fontSize: 18, lineHeight: '24px', margin: 0 }}>
            {title(directory)}
          </H1>
          <Subtitle>{syncedText(directory.syncedAt)}</Subtitle>
          <DirectoryTable rows={directory.vendors} />
        </Section>
      )}
    </QueryState>
  );
}
