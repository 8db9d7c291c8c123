import { ExamDetailPage } from './exam-pages';

export default ExamDetailPage;
