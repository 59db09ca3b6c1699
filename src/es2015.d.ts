// The few ES2015 globals that src/ touches, always behind a typeof check: the ES5 lib does not declare them, and
// declaring just these keeps every other ES2015 library call a type error.
declare var Reflect: {
  construct(target: Function, args: ArrayLike<unknown>, newTarget?: Function): any;
};
declare var Symbol: { (): symbol; readonly toStringTag: symbol };
interface ObjectConstructor {
  setPrototypeOf?(target: object, prototype: object | null): object;
}
