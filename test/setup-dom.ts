import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Screens load some views lazily and run under jsdom beside other test files on a small
// machine: findBy/waitFor wait up to 5 s for what a user would see, instead of 1 s.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
