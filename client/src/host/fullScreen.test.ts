import { describe, expect, it } from 'vitest';
import { fullScreenUrl } from './fullScreen';

const paths = { company: '/{company}/company/apps/coi-compliance', project: '/{company}/project/{project}/apps/coi-compliance' };
const procore = 'https://app.procore.com/4271001/project/2783002/commitments';

describe('fullScreenUrl', () => {
  it("fills the deployment's path on the Procore page's own origin, for a project or the company", () => {
    expect(fullScreenUrl(procore, paths, '4271001', '2783002')).toBe('https://app.procore.com/4271001/project/2783002/apps/coi-compliance');
    expect(fullScreenUrl(procore, paths, '4271001', null)).toBe('https://app.procore.com/4271001/company/apps/coi-compliance');
    const other = { company: '/{company}/company/tools/7', project: '/{project}/project/tools/7' };
    expect(fullScreenUrl(procore, other, '4271001', '2783002')).toBe('https://app.procore.com/2783002/project/tools/7');
  });

  it('gives no address when the page is not Procore or a path would leave its origin', () => {
    expect(fullScreenUrl('', paths, '1', '2')).toBeNull();
    expect(fullScreenUrl(procore, { ...paths, project: '//evil.example/{project}' }, '1', '2')).toBeNull();
    expect(fullScreenUrl(procore, { ...paths, project: 'evil.example/{project}' }, '1', '2')).toBeNull();
  });

  it('never lets an id add to the path', () => {
    expect(fullScreenUrl(procore, paths, '42/../../x', '7')).toBe('https://app.procore.com/42%2F..%2F..%2Fx/project/7/apps/coi-compliance');
  });
});
