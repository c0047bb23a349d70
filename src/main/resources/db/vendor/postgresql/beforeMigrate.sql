-- PostgreSQL 专用（Flyway 在每次迁移前执行，可重复执行）。
-- 共用迁移脚本（db/migration）按 H2 写成，用了 blob、clob 两个类型名；PostgreSQL 没有这两个名字。
-- 在当前 schema 里建两个同名的域（bytea、text），共用脚本就能原样在 PostgreSQL 上执行，H2 旧库的迁移校验和也不用变。
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.typname = 'blob' AND n.nspname = current_schema()) THEN
    CREATE DOMAIN blob AS bytea;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.typname = 'clob' AND n.nspname = current_schema()) THEN
    CREATE DOMAIN clob AS text;
  END IF;
END
$$;
