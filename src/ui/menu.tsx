// An accessible menu button (WAI-ARIA menu button pattern): role=menu / menuitem, arrow keys,
// Home/End, type-ahead by first letter, Escape closes and gives focus back, submenus open with
// ArrowRight/Enter and close with ArrowLeft/Escape. Menus are positioned `fixed` from the
// button's box so that scrolling containers (lanes, palettes) never clip them.
import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from "react";
import { createPortal } from "react-dom";

export interface MenuItem {
  label: string;
  /** Secondary text after the label (e.g. a count). */
  hint?: string;
  onSelect?: () => void;
  /** A submenu: the item opens it instead of selecting. */
  items?: MenuItem[];
  disabled?: boolean;
  /** Why the item is disabled (or what it does), read by screen readers as its description. */
  description?: string;
  danger?: boolean;
}

export interface MenuHandle {
  open(): void;
}

interface MenuButtonProps {
  /** Accessible name of the button. */
  label: string;
  items: MenuItem[] | (() => MenuItem[]);
  children: ReactNode;
  className?: string;
  title?: string;
  handle?: Ref<MenuHandle>;
  /** Called after the menu closed (by selection or dismissal). */
  onClose?: () => void;
}

export function MenuButton({ label, items, children, className = "", title, handle, onClose }: MenuButtonProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [openItems, setOpenItems] = useState<MenuItem[] | null>(null);
  const [focusLast, setFocusLast] = useState(false);
  const menuId = useId();
  const open = useCallback(
    (last = false) => {
      setFocusLast(last);
      setOpenItems(typeof items === "function" ? items() : items);
    },
    [items],
  );
  useImperativeHandle(handle, () => ({ open: () => open() }), [open]);
  const close = useCallback(
    (refocus: boolean) => {
      setOpenItems(null);
      if (refocus) buttonRef.current?.focus();
      onClose?.();
    },
    [onClose],
  );

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        title={title}
        aria-haspopup="menu"
        aria-expanded={openItems ? true : undefined}
        aria-controls={openItems ? menuId : undefined}
        className={className}
        onClick={() => (openItems ? close(false) : open())}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            open(e.key === "ArrowUp");
          }
        }}
      >
        {children}
      </button>
      {openItems &&
        createPortal(
          <MenuList
            id={menuId}
            label={label}
            items={openItems}
            anchor={() => buttonRef.current?.getBoundingClientRect() ?? null}
            placement="below"
            focusLast={focusLast}
            onDone={(how) => close(how !== "outside")}
            ignore={buttonRef}
          />,
          document.body,
        )}
    </>
  );
}

type DoneHow = "select" | "escape" | "tab" | "outside";

interface MenuListProps {
  id?: string;
  label: string;
  items: MenuItem[];
  anchor: () => DOMRect | null;
  placement: "below" | "right";
  focusLast?: boolean;
  onDone: (how: DoneHow) => void;
  /** For a submenu: go back to the parent menu. */
  onBack?: () => void;
  ignore?: React.RefObject<HTMLElement | null>;
}

function MenuList({ id, label, items, anchor, placement, focusLast, onDone, onBack, ignore }: MenuListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const descriptionId = useId();
  const [active, setActive] = useState(() => firstEnabled(items, focusLast ? -1 : 1));
  const [sub, setSub] = useState<number | null>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const r = anchor();
    const el = ref.current;
    if (!r || !el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    let left = placement === "below" ? r.left : r.right + 2;
    let top = placement === "below" ? r.bottom + 4 : r.top - 4;
    if (left + w > window.innerWidth - 8) left = placement === "below" ? Math.max(8, r.right - w) : Math.max(8, r.left - w - 2);
    if (top + h > window.innerHeight - 8) top = Math.max(8, placement === "below" ? r.top - h - 4 : window.innerHeight - h - 8);
    setPos({ top, left });
  }, [anchor, placement]);

  useEffect(() => {
    if (pos && sub === null) itemRefs.current[active]?.focus();
  }, [active, pos, sub]);

  useEffect(() => {
    if (onBack) return; // the root menu handles outside clicks for the whole tree
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (ignore?.current?.contains(t)) return;
      if ((t as Element).closest?.("[data-menu-root]")) return;
      onDone("outside");
    };
    document.addEventListener("pointerdown", onDown, true);
    return () => document.removeEventListener("pointerdown", onDown, true);
  }, [onBack, onDone, ignore]);

  const move = (dir: 1 | -1) => setActive((i) => nextEnabled(items, i, dir));
  const activate = (i: number) => {
    const item = items[i];
    if (!item || item.disabled) return;
    if (item.items) {
      setActive(i);
      setSub(i);
      return;
    }
    onDone("select");
    item.onSelect?.();
  };

  return (
    <div
      ref={ref}
      id={id}
      role="menu"
      aria-label={label}
      data-menu-root=""
      style={{ position: "fixed", top: pos?.top ?? -9999, left: pos?.left ?? -9999 }}
      className="z-50 min-w-48 max-w-80 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg ring-1 ring-black/5 dark:border-slate-700 dark:bg-slate-800"
      onKeyDown={(e) => {
        if (sub !== null) return; // the open submenu handles its own keys
        switch (e.key) {
          case "ArrowDown":
            e.preventDefault();
            move(1);
            break;
          case "ArrowUp":
            e.preventDefault();
            move(-1);
            break;
          case "Home":
            e.preventDefault();
            setActive(firstEnabled(items, 1));
            break;
          case "End":
            e.preventDefault();
            setActive(firstEnabled(items, -1));
            break;
          case "ArrowRight":
            if (items[active]?.items) {
              e.preventDefault();
              activate(active);
            }
            break;
          case "ArrowLeft":
            if (onBack) {
              e.preventDefault();
              e.stopPropagation();
              onBack();
            }
            break;
          case "Escape":
            e.preventDefault();
            e.stopPropagation();
            if (onBack) onBack();
            else onDone("escape");
            break;
          case "Tab":
            e.preventDefault();
            onDone("tab");
            break;
          default:
            if (e.key.length === 1 && /\S/.test(e.key)) {
              const k = e.key.toLowerCase();
              const n = items.length;
              for (let step = 1; step <= n; step++) {
                const i = (active + step) % n;
                if (!items[i]?.disabled && items[i]?.label.toLowerCase().startsWith(k)) {
                  setActive(i);
                  break;
                }
              }
            }
        }
      }}
    >
      {items.map((item, i) => (
        <button
          key={`${i}-${item.label}`}
          ref={(el) => {
            itemRefs.current[i] = el;
          }}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          aria-disabled={item.disabled || undefined}
          aria-describedby={item.description ? `${descriptionId}-${i}` : undefined}
          title={item.description}
          aria-haspopup={item.items ? "menu" : undefined}
          aria-expanded={item.items ? sub === i : undefined}
          onClick={() => activate(i)}
          onPointerEnter={() => {
            if (item.disabled) return;
            setActive(i);
            if (sub !== null && sub !== i) setSub(null);
          }}
          className={`flex w-full items-center gap-3 rounded px-2.5 py-1.5 text-left outline-none ${
            item.disabled
              ? "cursor-not-allowed text-slate-500 dark:text-slate-500"
              : item.danger
                ? "text-red-700 focus:bg-red-50 dark:text-red-300 dark:focus:bg-red-950"
                : "text-slate-800 focus:bg-indigo-50 focus:text-indigo-900 dark:text-slate-100 dark:focus:bg-indigo-950 dark:focus:text-indigo-100"
          }`}
        >
          <span className="flex-1 truncate">{item.label}</span>
          {item.hint && <span className="text-xs text-slate-500 dark:text-slate-400">{item.hint}</span>}
          {item.description && (
            <span id={`${descriptionId}-${i}`} className="sr-only">
              {item.description}
            </span>
          )}
          {item.items && (
            <span aria-hidden="true" className="text-slate-500">
              ▸
            </span>
          )}
        </button>
      ))}
      {sub !== null &&
        items[sub]?.items &&
        createPortal(
          <MenuList
            label={items[sub]!.label.replace(/…$/, "")}
            items={items[sub]!.items!}
            anchor={() => itemRefs.current[sub]?.getBoundingClientRect() ?? null}
            placement="right"
            onDone={onDone}
            onBack={() => {
              setSub(null);
              itemRefs.current[active]?.focus();
            }}
          />,
          document.body,
        )}
    </div>
  );
}

function firstEnabled(items: MenuItem[], dir: 1 | -1): number {
  const start = dir === 1 ? -1 : items.length;
  const i = nextEnabled(items, start, dir);
  return i < 0 ? 0 : i;
}

function nextEnabled(items: MenuItem[], from: number, dir: 1 | -1): number {
  const n = items.length;
  if (n === 0) return -1;
  for (let step = 1; step <= n; step++) {
    const i = (((from + dir * step) % n) + n) % n;
    if (focusable(items[i])) return i;
  }
  return from;
}

/** Disabled items are skipped, except those that say why: keyboard and screen reader users must
 * be able to reach the reason too. */
function focusable(item: MenuItem | undefined): boolean {
  return !!item && (!item.disabled || !!item.description);
}
