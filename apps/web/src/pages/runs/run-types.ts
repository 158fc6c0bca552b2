import type { inferOutput } from "@trpc/tanstack-react-query";
import type { useTRPC } from "../../api/trpc";

type Api = ReturnType<typeof useTRPC>;

/** A run as `runs.byId` returns it: the row, its API key, and its node results. */
export type RunRecord = inferOutput<Api["runs"]["byId"]>;

/** A run as `runs.list` returns it. */
export type RunListItem = inferOutput<Api["runs"]["list"]>["runs"][number];

/** A run's status as stored, plus "idle" for a view that has seen no events yet. */
export type RunStatusName = RunListItem["status"];
