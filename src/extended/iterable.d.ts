// The one type that the ES5 library of src/ cannot state: src/ type-checks against ES5 (where Symbol.asyncIterator
// does not exist), so this declaration file is skipped there (skipLibCheck) and read by consumers' compilers,
// whose libraries have it.

/** `for await (const event of source)`: where the engine has `Symbol.asyncIterator`. */
export interface AsyncIterableSource<T> {
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> & { [Symbol.asyncIterator](): AsyncIterator<T, undefined> };
}
