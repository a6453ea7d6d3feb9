export { default } from "../../monitoring-skeleton";
