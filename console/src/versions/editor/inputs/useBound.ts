import { useEffect, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';

/** Value, setter and "a finding points here" flag for the field at a pointer. */
export const useBound = (pointer: string) => {
  const editor = useEditor();
  const translate = useTranslate();
  const focused = !!editor.focus && (editor.focus === pointer || editor.focus.startsWith(`${pointer}/`));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused && editor.focus === pointer) ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focused, editor.focus, pointer]);
  return {
    value: editor.get(pointer),
    set: (value: unknown) => editor.set(pointer, value),
    readOnly: editor.readOnly,
    focused,
    ref,
    t: (key: string) => translate(key.includes('.') ? key : `chiso.editor.field.${key}`, { _: key }),
  };
};
