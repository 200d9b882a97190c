-- AlterTable
ALTER TABLE "learners" ADD COLUMN     "erased_at" TIMESTAMP(3);

-- Append-only audit log (docs/decisions/012): whoever connects, an audit row is never rewritten,
-- and deleted only once its retention period (12 months, src/features/privacy/inventory.ts) is
-- over. `created_at` is timestamp(3) holding UTC, as Prisma writes it. TRUNCATE is left to the
-- database owner (test resets); the application never truncates.
CREATE FUNCTION "audit_logs_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'audit_logs is append-only: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."created_at" > (now() AT TIME ZONE 'UTC') - interval '12 months' THEN
    RAISE EXCEPTION 'audit_logs is append-only: DELETE refused within the retention period' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "audit_logs_append_only"
BEFORE UPDATE OR DELETE ON "audit_logs"
FOR EACH ROW EXECUTE FUNCTION "audit_logs_append_only"();
