// Only the list: a loading boundary above [id] would stream a 200 before its 404.
export { default } from "../../monitoring-skeleton";
