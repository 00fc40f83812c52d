// Small helpers shared by the repositories: a WHERE builder with numbered parameters, list paging,
// and timestamps as ISO strings (both drivers return Date objects).

export interface Page {
  /** Column expression, already checked against the repository's whitelist. */
  orderBy: string;
  order: 'ASC' | 'DESC';
  offset: number;
  limit: number;
}

export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** Adds a condition; each `?` becomes the next parameter. */
  add(sql: string, ...values: unknown[]): this {
    let i = 0;
    this.parts.push(
      sql.replace(/\?/g, () => {
        this.params.push(values[i++]);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }

  /** ORDER BY … LIMIT … OFFSET … with a stable tie-breaker. */
  page(p: Page, tieBreaker = 'id'): string {
    const dir = p.order === 'ASC' ? 'ASC' : 'DESC';
    return `ORDER BY ${p.orderBy} ${dir} NULLS LAST, ${tieBreaker} ${dir} LIMIT ${Math.trunc(p.limit)} OFFSET ${Math.trunc(p.offset)}`;
  }
}

/** A name or title column in Vietnamese alphabetical order (migration 0005_vietnamese_order.sql). */
export const viOrder = (column: string): string => `vi_sort_key(${column}) COLLATE "C"`;

/** How many of something each agency has, by its name, in Vietnamese order. */
export interface PerAgency {
  agencyName: string;
  count: number;
}

export const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

/** Escapes LIKE wildcards in a user's search text. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
