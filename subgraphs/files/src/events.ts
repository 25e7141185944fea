import { clientMergeHandlers } from '@ubos/kernel';

/**
 * What a client merge means here (the kernel's client merge protocol): Files of a client follow it; a file filed only under a project follows its project.
 */
export const filesEventHandlers = clientMergeHandlers('files', [{ table: 'files', entityType: 'FileObject' }]);
