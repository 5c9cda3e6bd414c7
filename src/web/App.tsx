import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { ApiError, setApiHandlers, showError } from './api/client';
import { AuthProvider, meQueryKey } from './auth/AuthContext';
import { useLocale, useT } from './i18n';
import { AppRoutes } from './router';

/**
 * Brand red marks the navigation only; controls keep antd's blue so a focused field never looks
 * like a field in error (both would be red otherwise).
 */
const appTheme = { components: { Menu: { darkItemSelectedBg: '#b71c1c' } } };

/** Server says "finish the forced flow first": re-read Me so the guard swaps in the forced page. */
function isForcedFlow(err: unknown): boolean {
  return err instanceof ApiError && err.status === 403 && (err.code === 'PASSWORD_CHANGE_REQUIRED' || err.code === 'TOTP_ENROLMENT_REQUIRED');
}

function createQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err) => (isForcedFlow(err) ? void qc.invalidateQueries({ queryKey: meQueryKey }) : showError(err)),
    }),
    mutationCache: new MutationCache({
      // Forms handle their own errors (field highlighting) and opt out with meta.manualError.
      onError: (err, _v, _c, mutation) => {
        if (isForcedFlow(err)) void qc.invalidateQueries({ queryKey: meQueryKey });
        else if (!mutation.meta?.manualError) showError(err);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return qc;
}

/** Hands antd's context-aware message API to the non-React API client. */
function MessageBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setApiHandlers({ error: (text) => void message.error(text) }), [message]);
  return null;
}

function DocumentTitle() {
  const t = useT();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return null;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const locale = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUSLocale : zhCNLocale} theme={appTheme}>
      <AntApp>
        <MessageBridge />
        <DocumentTitle />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
