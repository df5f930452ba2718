import multipart from '@fastify/multipart';
import { FastifyInstance } from 'fastify';
import { loadFilesConfig } from '@liaison/files';

/**
 * Multipart uploads (`POST /v1/follow-ups/:id/files`, field `file`). One file per request and a
 * few small fields at most; the file's own limit is FILE_MAX_BYTES, enforced while it streams
 * (busboy stops reading past it), so nothing larger is ever held or stored.
 */
export function useFileUploads(fastify: FastifyInstance): void {
  const { maxBytes } = loadFilesConfig();
  void fastify.register(multipart, {
    limits: { files: 1, fileSize: maxBytes, fields: 4, fieldSize: 1024, parts: 5 },
  });
}
