import { reviewRiskSignals } from './service/risk-signals';
import type { ModulePart } from '../module-part';
import { complaintMachine, docMachine, reviewMachine } from './review-machine';
import { demoSeed } from './demo-seed';
import { getComplaintInScope, getDocInScope, getReviewInScope, PERM, actsOn } from './service/access';
import { statistics } from './statistics';
import { AppError } from '../../../kernel';

/** The review area's server declaration (numbering, attachment owners, entities, statistics, demo seed). */
export const reviewPart: ModulePart = {
  riskSignals: reviewRiskSignals,
  numbering: {
    supervisionNotice: { pattern: '{unit}执监通〔{year}〕{seq}号', label: '行政执法监督通知书文号' },
    supervisionOpinion: { pattern: '{unit}执监意〔{year}〕{seq}号', label: '行政执法监督意见书文号' },
    supervisionDecision: { pattern: '{unit}执监决〔{year}〕{seq}号', label: '行政执法监督决定书文号' },
    complaint: { pattern: '{unit}执投〔{year}〕{seq}号', label: '行政执法投诉举报编号' },
  },
  attachmentOwners: {
    // The body's reply attaches its correction evidence; the supervisor attaches the signed document.
    [docMachine.entity]: {
      read: async ({ ctx, ownerId }) => void (await getDocInScope(ctx, ownerId)),
      write: async ({ ctx, ownerId }) => {
        const doc = await getDocInScope(ctx, ownerId);
        if (!(await actsOn(ctx, PERM.report, doc.orgId)) && !(await actsOn(ctx, PERM.supervise, doc.orgId))) throw new AppError('NOT_FOUND', '执法监督文书不存在或无权上传');
      },
    },
    [complaintMachine.entity]: {
      read: async ({ ctx, ownerId }) => void (await getComplaintInScope(ctx, ownerId)),
      write: async ({ ctx, ownerId }) => {
        const row = await getComplaintInScope(ctx, ownerId);
        if (!(await actsOn(ctx, PERM.report, row.orgId)) && !(await actsOn(ctx, PERM.supervise, row.orgId))) throw new AppError('NOT_FOUND', '投诉举报不存在或无权上传');
      },
    },
    [reviewMachine.entity]: {
      read: async ({ ctx, ownerId }) => void (await getReviewInScope(ctx, ownerId)),
      write: async ({ ctx, ownerId }) => {
        const row = await getReviewInScope(ctx, ownerId);
        if (!(await actsOn(ctx, PERM.review, row.orgId))) throw new AppError('NOT_FOUND', '评查活动不存在或无权上传');
      },
    },
  },
  entities: {
    [docMachine.entity]: { path: 'supervision', handlerPermission: 'report', table: 'enforcement_supervision_doc', titleSql: "r.doc_no || ' ' || r.title" },
    [complaintMachine.entity]: { path: 'complaints', handlerPermission: 'report', table: 'enforcement_complaint', titleSql: "r.complaint_no || ' ' || r.subject" },
  },
  statistics,
  seedDemo: demoSeed,
};
