/** The same keys as a Japanese dictionary, any strings: the shape its English twin must have. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
