/**
 * The one look of buttons, and of links that act as buttons. A plain function of strings so that
 * server components, client components and `<Link>` share it.
 */
export type ButtonVariant = "primary" | "secondary" | "outline" | "danger";
/** `large` is the student app's: a 48 px touch target, full width on phones. */
export type ButtonSize = "small" | "default" | "large";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-primary text-white hover:bg-primary-dark",
  secondary: "border border-slate-400 bg-white text-ink hover:bg-slate-100",
  outline: "border border-primary bg-white text-primary hover:bg-primary-light",
  danger: "border border-danger bg-white text-danger hover:bg-danger-light",
};

const sizes: Record<ButtonSize, string> = {
  small: "min-h-9 rounded-md px-3 py-1 text-sm",
  default: "min-h-11 rounded-md px-4 py-2",
  large: "min-h-12 w-full rounded-lg px-6 py-3 text-lg sm:w-auto",
};

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "default"): string {
  return `inline-flex items-center justify-center font-semibold disabled:opacity-60 ${variants[variant]} ${sizes[size]}`;
}
