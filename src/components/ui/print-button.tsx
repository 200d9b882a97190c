"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-primary px-5 py-3 font-semibold text-white hover:bg-primary-dark"
    >
      {label}
    </button>
  );
}
