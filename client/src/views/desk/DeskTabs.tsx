import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { RegisterFilter } from '../../../../server/contracts/desk';
import type { DeskScope } from '../../api/desk';
import { Loading } from '../../components/Loading';
import { Tabs, type TabItem } from '../../components/Tabs';
import { registerLinkFilter } from '../../host/deep-link';
import { useCan } from '../../api/access';
import { useTakenHandOff } from '../../api/review';
import { useHostContext } from '../../host/HostProvider';

// The panels' tabs: the directory first (where requests are made), the overview, the register,
// and any the panel adds (a project's commitments). An overview number opens the register with
// its filter. Overview and register load on first use.

const Overview = lazy(() => import('./Overview'));
const Register = lazy(() => import('./Register'));
const loadQueueReview = () => import('./QueueReview');
const QueueReview = lazy(loadQueueReview);

export interface ExtraTab {
  key: string;
  label: string;
  render: () => ReactNode;
}

interface DeskTabsProps {
  label: string;
  scope: DeskScope;
  directory: ReactNode;
  extra?: ExtraTab[];
}

export function DeskTabs({ label, scope, directory, extra = [] }: DeskTabsProps) {
  // A link into the register (the daily digest's) opens it with its filter.
  const [linked] = useState(() => registerLinkFilter(window.location.search));
  const [tab, setTab] = useState(linked ? 'register' : 'directory');
  const [registerFilter, setRegisterFilter] = useState<{ filter: Partial<RegisterFilter>; n: number }>({ filter: linked ?? {}, n: 0 });
  const tabs: TabItem<string>[] = [
    { key: 'directory', label: 'Directory' },
    { key: 'overview', label: 'Overview' },
    { key: 'register', label: 'Register' },
    ...extra.map((t) => ({ key: t.key, label: t.label })),
  ];
  const openRegister = (filter: Partial<RegisterFilter>) => {
    setRegisterFilter((current) => ({ filter, n: current.n + 1 }));
    setTab('register');
  };
  // Full screen, the review the side panel sent here opens at once, inside the review queue.
  const fullScreen = useHostContext().surface === 'fullscreen';
  const canReview = useCan('review.certificates');
  const handOff = useTakenHandOff(scope.companyId, fullScreen && canReview, () => void loadQueueReview().catch(() => undefined));
  const [handOffClosed, setHandOffClosed] = useState(false);
  const handedOff = handOffClosed ? null : (handOff.data?.requestId ?? null);
  const content = () => {
    if (tab === 'directory') return directory;
    if (tab === 'overview') return <Overview scope={scope} onOpenRegister={openRegister} />;
    if (tab === 'register') return <Register key={registerFilter.n} scope={scope} initial={registerFilter.filter} />;
    return extra.find((t) => t.key === tab)?.render() ?? null;
  };
  return (
    <Tabs label={label} tabs={tabs} selected={tab} onSelect={setTab}>
      <Suspense fallback={<Loading label="Loading…" />}>
        {content()}
        {handedOff !== null && <QueueReview scope={scope} start={handedOff} onClose={() => setHandOffClosed(true)} />}
      </Suspense>
    </Tabs>
  );
}
