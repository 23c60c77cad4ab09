/** Friendly names for the generated schema types the features share. */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Task = Schemas['TaskOut'];
export type TaskPage = Schemas['TaskPage'];
export type TaskCreate = Schemas['TaskCreate'];
export type TaskUpdate = Schemas['TaskUpdate'];
export type User = Schemas['UserOut'];
export type UserPage = Schemas['UserPage'];
export type ProposedTask = Schemas['ProposedTaskOut'];
export type Plan = Schemas['PlanPreviewOut'];
export type SavedPlan = Schemas['PlanSavedOut'];
export type Granularity = NonNullable<Schemas['GenerateIn']['granularity']>;
export type Project = Schemas['ProjectOut'];
export type ProjectCreate = Schemas['ProjectCreate'];
export type ProjectUpdate = Schemas['ProjectUpdate'];
export type Label = Schemas['LabelOut'];
export type LabelUpdate = Schemas['LabelUpdate'];
export type TaskCounts = Schemas['TaskCountsOut'];
export type TaskMove = Schemas['TaskMoveIn'];
export type BulkRequest = Schemas['BulkIn'];
export type BulkResult = Schemas['BulkOut'];
export type BulkAction = Schemas['BulkIn']['action'];
