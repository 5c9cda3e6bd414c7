import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'picker'> & { value?: string | null; onChange?: (value: string | undefined) => void };

/**
 * Ant Design's date picker holding the form value as the API takes it, an ISO date ('2026-11-27'): forms keep
 * strings (defaults, server errors and submit code need no conversion) while officials get the same calendar,
 * Chinese month names and typing as everywhere else, instead of the browser's own date field.
 */
export function DateInput({ value, onChange, style, ...rest }: Props) {
  return (
    <DatePicker {...rest} style={{ width: '100%', ...style }} value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : undefined)} />
  );
}
