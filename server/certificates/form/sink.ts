import { Provenance } from '../provenance';
import type { Reading } from './cells';

/** Collects where each value was read and how sure the reading is, by JSON pointer. */
export class Sink {
  readonly prov = new Provenance();
  private policies = 0;

  /** The pointer of the next policy read. */
  policy(): string {
    return `/policies/${this.policies++}`;
  }

  read(pointer: string, r: Pick<Reading<unknown>, 'box' | 'confidence' | 'items'>): void {
    const page = r.items[0]?.word.page ?? this.page;
    this.prov.box(pointer, page, r.box, r.confidence);
  }

  constructor(readonly page: number) {}
}
