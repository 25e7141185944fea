import { clientMergeHandlers } from '@ubos/kernel';

/**
 * What a client merge means here (the kernel's client merge protocol): Projects follow their client; their tasks and milestones hang on the project and need nothing.
 */
export const projectsEventHandlers = clientMergeHandlers('projects', [{ table: 'projects', entityType: 'Project' }]);
