// Sends a JSON body with exact big integers (see util/json.ts).

import type { Response } from 'express';
import { stringifyJson } from '../util/json.ts';

export function sendJson(res: Response, body: unknown, status = 200): void {
  res.status(status).type('application/json; charset=utf-8').send(stringifyJson(body));
}
