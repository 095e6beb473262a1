import { useId, useState } from 'react';
import styled from 'styled-components';
import { carrierRowErrors, useCarriers, useImportCarriers } from '../../api/requirements';
import { errorSentence } from '../../components/ApiErrorNotice';
import { Button, colors, spacing } from '../../components/core';
import { Notice } from '../../components/ui';

// The company's carrier rating table (NAIC, name, AM Best): a CSV replaces it whole. A file
// with bad rows is rejected entirely, so every row problem is listed with its line number.

const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  border-top: 1px solid ${colors.gray85};
  padding-top: ${spacing.md}px;
`;

const Heading = styled.h3`
  margin: 0;
  font-size: 16px;
`;

const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.sm}px;
  align-items: center;
`;

const carriers = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'carrier' : 'carriers'}`;

export function CarrierImport({ companyId }: { companyId: string }) {
  const inputId = useId();
  const current = useCarriers(companyId);
  const upload = useImportCarriers(companyId);
  const [file, setFile] = useState<File | null>(null);
  const rowErrors = carrierRowErrors(upload.error);
  return (
    <Section aria-labelledby={`${inputId}-heading`}>
      <Heading id={`${inputId}-heading`}>Carrier ratings</Heading>
      {current.data && !upload.isSuccess && <span>{`The rating table has ${carriers(current.data.count)}.`}</span>}
      <Row>
        <label htmlFor={inputId}>Carrier ratings CSV file</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            upload.reset();
          }}
        />
      </Row>
      <Row>
        <Button
          type="button"
          variant="secondary"
          disabled={file === null}
          loading={upload.isPending}
          onClick={() => {
            if (file !== null) void file.text().then((csv) => upload.mutate(csv));
          }}
        >
          Import carrier ratings
        </Button>
      </Row>
      {upload.isSuccess && <Notice tone="info">{`${carriers(upload.data.count)} imported.`}</Notice>}
      {upload.isError && (
        <Notice tone="error">
          {rowErrors.length > 0 ? 'The carrier table was not imported. Fix these rows and upload it again:' : errorSentence(upload.error)}
          {rowErrors.length > 0 && (
            <ul aria-label="Rows to fix">
              {rowErrors.map((row) => (
                <li key={`${row.line}:${row.message}`}>{`Line ${row.line}: ${row.message}`}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </Section>
  );
}
