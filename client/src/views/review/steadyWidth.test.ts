import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useSteadyWidth } from './steadyWidth';

describe('useSteadyWidth', () => {
  it('narrows at once, but does not grow back by a scrollbar’s width', () => {
    const { result, rerender } = renderHook(({ width }) => useSteadyWidth(width), { initialProps: { width: 732 } });
    expect(result.current).toBe(732);
    rerender({ width: 717 }); // a scrollbar appeared
    expect(result.current).toBe(717);
    rerender({ width: 732 }); // and went away again
    expect(result.current).toBe(717);
    rerender({ width: 717 });
    expect(result.current).toBe(717);
  });

  it('follows a real widening of the pane', () => {
    const { result, rerender } = renderHook(({ width }) => useSteadyWidth(width), { initialProps: { width: 500 } });
    rerender({ width: 900 });
    expect(result.current).toBe(900);
  });
});
