import styled from 'styled-components';
import { useVendorHistory } from '../../api/desk';
import { colors, spacing } from '../../components/core';
import { Dialog } from '../../components/Dialog';
import { QueryState } from '../../components/QueryState';

// A vendor's history across every project, newest first, in a drawer beside the register.

const List = styled.ol`
  list-style: none;
  margin: 0;
  padding: 0;
  li {
    padding: ${spacing.sm}px 0;
    border-bottom: 1px solid ${colors.gray90};
  }
`;

const Meta = styled.div`
  font-size: 12px;
  color: ${colors.gray45};
`;

export default function VendorHistory({ companyId, vendorId, vendorName, onClose }: { companyId: string; vendorId: string; vendorName: string; onClose: () => void }) {
  const query = useVendorHistory(companyId, vendorId);
  return (
    <Dialog title={`History: ${vendorName}`} onClose={onClose} drawer>
      <QueryState query={query} loadingLabel="Loading the history…">
        {(history) =>
          history.entries.length === 0 ? (
            <p>Nothing has happened with this vendor yet.</p>
          ) : (
            <List aria-label="History">
              {history.entries.map((e, i) => (
                <li key={`${e.requestId}-${e.at}-${i}`}>
                  <div>{e.summary}</div>
                  <Meta>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> · {e.actor} · {e.projectName ?? 'All projects (global)'}
                  </Meta>
                </li>
              ))}
              {history.truncated && <Meta>Older events are not listed.</Meta>}
            </List>
          )
        }
      </QueryState>
    </Dialog>
  );
}
