// /login: password, then as the server asks: 动态口令 (mfa), 绑定动态口令 (mfa_enroll) or 修改初始口令.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Space, Steps, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { api, setCsrfToken } from '../api-client';
import { clearCache } from '../kit/cache';
import { attempt } from '../kit/error-policy';
import { PASSWORD_POLICY, passwordProblem } from '../kit/password';
import { useSession } from '../session';

type Step = 'password' | 'mfa' | 'mfa_enroll' | 'change_password';
type Next = 'ok' | 'mfa' | 'mfa_enroll' | 'change_password';

const STEP_TITLES: Record<Step, string> = {
  password: '账号登录',
  mfa: '双因素认证',
  mfa_enroll: '绑定动态口令',
  change_password: '修改初始口令',
};


const safeRedirect = (r: string | null): string => (r && r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/login') ? r : '/');

const codeRules = [
  { required: true, message: '请输入动态口令' },
  { pattern: /^\d{6}$/, message: '动态口令为 6 位数字' },
];

function CodeInput(props: { autoFocus?: boolean; value?: string; onChange?: (v: string) => void }) {
  return (
    <Input
      autoFocus={props.autoFocus}
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value.replace(/\D/g, '').slice(0, 6))}
      prefix={<SafetyOutlined />}
      placeholder="6 位动态口令"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      size="large"
      data-testid="mfa-code"
      style={{ letterSpacing: 4 }}
    />
  );
}

export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { me, loading, reload } = useSession();
  const initial = params.get('step') as Step | null;
  const [step, setStep] = useState<Step>(initial && initial in STEP_TITLES ? initial : 'password');
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const redirect = safeRedirect(params.get('redirect'));
  const [passwordForm] = Form.useForm();
  const [mfaForm] = Form.useForm();
  const [enrolForm] = Form.useForm();
  const [changeForm] = Form.useForm();

  // A session that still owes a step (reload in the middle of logging in, or sent here by the error
  // policy) resumes at the step the server names, once; a signed-in user goes straight on.
  const resumed = useRef(false);
  useEffect(() => {
    if (loading) return;
    if (me?.user && step === 'password') navigate(redirect, { replace: true });
    else if (me?.pending && !resumed.current) {
      resumed.current = true;
      setStep(me.pending);
    }
  }, [loading, me, step, navigate, redirect]);

  useEffect(() => {
    if (step !== 'mfa_enroll' || enrolment) return;
    void attempt(async () => setEnrolment(await api.post<{ secret: string; uri: string }>('/api/auth/mfa/enroll', {})));
  }, [step, enrolment]);

  const go = async (next: Next) => {
    if (next === 'ok') {
      clearCache();
      await reload();
      navigate(redirect, { replace: true });
    } else {
      setStep(next);
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch {
      // Shown by the error policy; the input stays.
    } finally {
      setBusy(false);
    }
  };

  const restart = async () => {
    await api.post('/api/auth/logout', {}, { silent: true }).catch(() => undefined);
    setCsrfToken(null);
    setEnrolment(null);
    setStep('password');
    await reload();
  };

  const stepIndex = step === 'password' ? 0 : step === 'change_password' ? 2 : 1;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #0f3a6e 0%, #1557a6 55%, #e9eef6 55%)',
        padding: 16,
        boxSizing: 'border-box',
      }}
    >
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 24, letterSpacing: 2, textAlign: 'center' }}>
        法治政府建设综合管理平台
      </Typography.Title>
      <Card style={{ width: 420, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }} title={STEP_TITLES[step]}>
        {step !== 'password' ? <Steps size="small" current={stepIndex} style={{ marginBottom: 24 }} items={[{ title: '口令' }, { title: '动态口令' }, { title: '修改口令' }]} /> : null}

        {step === 'password' ? (
          <Form
            form={passwordForm}
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { username: string; password: string }) =>
              run(async () => {
                const res = await api.post<{ next: Next; csrfToken?: string }>('/api/auth/login', { username: v.username.trim(), password: v.password }, { form: passwordForm });
                setCsrfToken(res.csrfToken);
                passwordForm.setFieldValue('password', '');
                await go(res.next);
              })
            }
          >
            <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input autoFocus prefix={<UserOutlined />} autoComplete="username" size="large" data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label="口令" rules={[{ required: true, message: '请输入口令' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
              登录
            </Button>
          </Form>
        ) : null}

        {step === 'mfa' ? (
          <Form
            form={mfaForm}
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { code: string }) =>
              run(async () => {
                const res = await api.post<{ next: Next }>('/api/auth/mfa', { code: v.code }, { form: mfaForm });
                await go(res.next);
              })
            }
          >
            <Typography.Paragraph type="secondary">请打开身份验证器 App，输入显示的 6 位动态口令。</Typography.Paragraph>
            <Form.Item name="code" label="动态口令" rules={codeRules}>
              <CodeInput autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="mfa-submit">
              验证
            </Button>
            <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }}>
              <Typography.Link onClick={() => setStep('mfa_enroll')}>尚未绑定身份验证器？</Typography.Link>
              <Typography.Link onClick={() => void restart()}>返回重新登录</Typography.Link>
            </Space>
          </Form>
        ) : null}

        {step === 'mfa_enroll' ? (
          <Form
            form={enrolForm}
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { code: string }) =>
              run(async () => {
                const res = await api.post<{ next: Next }>('/api/auth/mfa/enroll/confirm', { code: v.code }, { form: enrolForm });
                await go(res.next);
              })
            }
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="首次登录须绑定动态口令"
              description="使用身份验证器 App 扫描/输入密钥（如国密版身份验证器、Microsoft Authenticator 等，选择“基于时间”），然后输入 App 显示的 6 位动态口令完成绑定。"
            />
            {enrolment ? (
              <div style={{ marginBottom: 16 }}>
                <Typography.Text type="secondary">密钥</Typography.Text>
                <Typography.Paragraph copyable code style={{ fontSize: 16, wordBreak: 'break-all' }} data-testid="mfa-secret">
                  {enrolment.secret}
                </Typography.Paragraph>
                <Typography.Text type="secondary">otpauth 地址</Typography.Text>
                <Typography.Paragraph copyable style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="mfa-uri">
                  {enrolment.uri}
                </Typography.Paragraph>
              </div>
            ) : (
              <Typography.Paragraph type="secondary">正在生成密钥…</Typography.Paragraph>
            )}
            <Form.Item name="code" label="动态口令" rules={codeRules}>
              <CodeInput autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!enrolment} data-testid="mfa-submit">
              确认绑定
            </Button>
            <div style={{ marginTop: 12, textAlign: 'right' }}>
              <Typography.Link onClick={() => void restart()}>返回重新登录</Typography.Link>
            </div>
          </Form>
        ) : null}

        {step === 'change_password' ? (
          <Form
            form={changeForm}
            layout="vertical"
            onFinish={(v: { oldPassword: string; newPassword: string }) =>
              run(async () => {
                const res = await api.post<{ next: Next }>('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword }, { form: changeForm });
                await go(res.next);
              })
            }
          >
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="首次登录或口令已重置，请先修改口令" description={`新口令${PASSWORD_POLICY}`} />
            <Form.Item name="oldPassword" label="原口令" rules={[{ required: true, message: '请输入原口令' }]}>
              <Input.Password autoFocus autoComplete="current-password" data-testid="password-old" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label="新口令"
              extra={PASSWORD_POLICY}
              rules={[
                { required: true, message: '请输入新口令' },
                {
                  validator: (_, value: string | undefined) => {
                    const problem = value ? passwordProblem(value) : null;
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="password-new" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认新口令"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新口令' },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的口令不一致')),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="password-confirm" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="password-submit">
              修改口令并进入
            </Button>
            <div style={{ marginTop: 12, textAlign: 'right' }}>
              <Typography.Link onClick={() => void restart()}>返回重新登录</Typography.Link>
            </div>
          </Form>
        ) : null}
      </Card>
      <Space style={{ marginTop: 24 }} size={24}>
        <Link to="/portal/disclosure" data-testid="portal-link">
          政府信息公开申请（公众入口）
        </Link>
        <Link to="/portal/disclosure/query">申请办理进度查询</Link>
      </Space>
    </div>
  );
}
