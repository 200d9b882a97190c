import { loadActivityForRoute } from "@/features/campaigns/loaders";

export const dynamic = "force-dynamic";

/** The Activité tab's live data, polled by the page while a class joins. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const result = await loadActivityForRoute((await params).id, new URL(request.url).searchParams);
  if (!result.ok)
    return Response.json({ error: result.status }, { status: result.status, headers: { "Cache-Control": "no-store" } });
  return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
}
