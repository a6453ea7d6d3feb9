// The same skeleton as the version history, for navigations between versions.
export { default } from "../(list)/loading";
