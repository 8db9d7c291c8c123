import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { validationHook } from './validation';
import type { Ctx } from '../context';
import { AppError } from '../errors/app-error';
import type { Context } from 'hono';

/** A router whose request validation answers 422 with Chinese field details. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });

/** The use-case context of the request; throws 401 when nobody is signed in. */
export const staffCtx = (c: Context<AppEnv>): Ctx => {
  const ctx = c.get('ctx');
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx;
};
