import { ExamListPage } from './exam-pages';

export default ExamListPage;
