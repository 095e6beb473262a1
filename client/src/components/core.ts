// Procore's design system, imported per component: the package's barrel pulls in every
// component plus all locales' translations (~220 kB gzip), which the side panel cannot afford.
// Checkbox, Pill and Banner are left out for the same reason (each drags the i18n bundle in);
// the app draws those with plain elements in core colours (see ./ui).
export { Button } from '@procore/core-react/dist/Button';
export { Spinner } from '@procore/core-react/dist/Spinner';
export { Input } from '@procore/core-react/dist/Input';
export { Typography } from '@procore/core-react/dist/Typography';
export { H1, H2, P } from '@procore/core-react/dist/Semantic';
export { colors } from '@procore/core-react/dist/_styles/colors';
export { spacing } from '@procore/core-react/dist/_styles/spacing';
