import { QRCode } from 'antd';

/** antd ships a QR renderer, so the TOTP enrolment needs no extra dependency. */
export function QrCode({ text, size = 180 }: { text: string; size?: number }) {
  return (
    <div data-testid="totp-qr">
      <QRCode value={text} size={size} errorLevel="M" bordered />
    </div>
  );
}
