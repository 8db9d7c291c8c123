import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './app';
import { installErrorPolicy } from './kit/error-policy';

dayjs.locale('zh-cn');
installErrorPolicy();

const root = document.getElementById('root');
if (!root) throw new Error('#root 缺失');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
