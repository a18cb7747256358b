-- The schema snapshot (SnapshotReader): one row per object of the user schemas, its key
-- "<kind> <qualified name>" and its canonical definition. Run with an empty search_path, so that every
-- name printed is schema-qualified the same way on every database; identifiers go through quote_ident.
-- One statement: each catalog is read once, whatever the number of objects.
--
-- Nothing here may differ between two databases of identical schema: no OIDs, relfilenodes,
-- statistics, sizes or sequence values; lists whose order carries no meaning (options, SET clauses,
-- policy roles, privileges) are sorted. Objects that belong to an extension are left out.
-- "Created after initdb" below is objoid >= 16384 (FirstNormalObjectId): every OID a running server
-- hands out is at least that.

-- The user schemas: all but the catalog, toast and temporary ones, information_schema and the history
-- Drydock writes itself.
with nsp as materialized (
  select n.oid, quote_ident(n.nspname) as name, n.nspowner as owner,
         coalesce(n.nspacl, acldefault('n', n.nspowner)) as acl
    from pg_namespace n
   where n.nspname not like 'pg\_%' and n.nspname not in ('information_schema', 'supabase_migrations', 'drydock')
     and not exists (select from pg_depend e where e.classid = 'pg_namespace'::regclass and e.objid = n.oid and e.deptype = 'e')
),

-- Comments on objects created after initdb (the public schema's is read with the schemas).
dsc as materialized (
  select d.classoid, d.objoid, d.objsubid, 'COMMENT ' || quote_literal(d.description) as text
    from pg_description d
   where d.objoid >= 16384
),

-- Tables (plain, partitioned, foreign), views, materialized views and sequences, with their definitions.
rel as materialized (
  select c.oid, c.relkind, n.name as schema, n.name || '.' || quote_ident(c.relname) as name,
         case c.relkind when 'v' then 'view ' when 'm' then 'matview ' when 'S' then 'sequence ' else 'table ' end as kind,
         c.relowner as owner,
         coalesce(c.relacl, acldefault(case c.relkind when 'S' then 's' else 'r' end::"char", c.relowner)) as acl,
         case when c.relkind = 'S' then concat_ws(' ',
           'AS ' || format_type(s.seqtypid, null), 'START ' || s.seqstart, 'INCREMENT ' || s.seqincrement,
           'MINVALUE ' || s.seqmin, 'MAXVALUE ' || s.seqmax, 'CACHE ' || s.seqcache,
           case when s.seqcycle then 'CYCLE' else 'NO CYCLE' end,
           case when c.relpersistence = 'u' then 'UNLOGGED' end,
           (select case o.deptype when 'a' then 'OWNED BY ' else 'IDENTITY OF ' end
                   || quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(ta.attname)
              from pg_depend o
              join pg_class t on t.oid = o.refobjid
              join pg_namespace tn on tn.oid = t.relnamespace
              join pg_attribute ta on ta.attrelid = t.oid and ta.attnum = o.refobjsubid
             where o.classid = 'pg_class'::regclass and o.objid = c.oid and o.refclassid = 'pg_class'::regclass
               and o.deptype in ('a', 'i') and o.refobjsubid > 0),
           d.text)
         else concat_ws('; ',
           case c.relkind when 'r' then 'TABLE' when 'p' then 'PARTITIONED TABLE' when 'f' then 'FOREIGN TABLE'
                          when 'v' then 'VIEW' else 'MATERIALIZED VIEW' end,
           case when c.relpersistence = 'u' then 'UNLOGGED' end,
           'PARTITION BY ' || pg_get_partkeydef(c.oid),
           (select case when c.relispartition then 'PARTITION OF ' || min(q.parent) || ' ' || pg_get_expr(c.relpartbound, c.oid)
                        else 'INHERITS (' || string_agg(q.parent, ', ' order by i.inhseqno) || ')' end
              from pg_inherits i
              join pg_class p on p.oid = i.inhparent
              join pg_namespace pn on pn.oid = p.relnamespace,
                   lateral (select quote_ident(pn.nspname) || '.' || quote_ident(p.relname) as parent) q
             where i.inhrelid = c.oid),
           'SERVER ' || quote_ident(fs.srvname),
           'OPTIONS (' || array_to_string(ft.ftoptions, ', ') || ')',
           'USING ' || nullif(am.amname, 'heap'),
           'TABLESPACE ' || quote_ident(ts.spcname),
           'WITH (' || nullif(array_to_string(array(select o from unnest(c.reloptions) o order by o), ', '), '') || ')',
           case when c.relrowsecurity then 'ROW LEVEL SECURITY' end,
           case when c.relforcerowsecurity then 'FORCE ROW LEVEL SECURITY' end,
           case when c.relkind in ('r', 'p') then 'REPLICA IDENTITY '
                || case c.relreplident when 'd' then 'DEFAULT' when 'f' then 'FULL' when 'n' then 'NOTHING'
                   else 'USING INDEX ' || (select quote_ident(ic.relname)
                                             from pg_index x join pg_class ic on ic.oid = x.indexrelid
                                            where x.indrelid = c.oid and x.indisreplident) end end,
           case when c.relkind in ('v', 'm') then 'AS ' || rtrim(btrim(pg_get_viewdef(c.oid)), ';') end,
           d.text) end as definition
    from pg_class c
    join nsp n on n.oid = c.relnamespace
    left join pg_sequence s on s.seqrelid = c.oid
    left join pg_am am on am.oid = c.relam
    left join pg_tablespace ts on ts.oid = c.reltablespace
    left join pg_foreign_table ft on ft.ftrelid = c.oid
    left join pg_foreign_server fs on fs.oid = ft.ftserver
    left join dsc d on d.classoid = 'pg_class'::regclass and d.objoid = c.oid and d.objsubid = 0
   where c.relkind in ('r', 'p', 'f', 'v', 'm', 'S')
     and not exists (select from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e')
),

-- Functions, procedures and aggregates, keyed by name and argument types.
fn as materialized (
  select case p.prokind when 'p' then 'procedure ' when 'a' then 'aggregate ' else 'function ' end
         || n.name || '.' || quote_ident(p.proname) || '(' || oidvectortypes(p.proargtypes) || ')' as key,
         p.proowner as owner, coalesce(p.proacl, acldefault('f', p.proowner)) as acl,
         concat_ws(' ',
           '(' || pg_get_function_arguments(p.oid) || ')',
           'RETURNS ' || pg_get_function_result(p.oid),
           'LANGUAGE ' || quote_ident(l.lanname),
           case when p.prokind = 'w' then 'WINDOW' end,
           case p.provolatile when 'i' then 'IMMUTABLE' when 's' then 'STABLE' else 'VOLATILE' end,
           case when p.proisstrict then 'STRICT' end,
           case when p.prosecdef then 'SECURITY DEFINER' end,
           case when p.proleakproof then 'LEAKPROOF' end,
           'PARALLEL ' || case p.proparallel when 's' then 'SAFE' when 'r' then 'RESTRICTED' else 'UNSAFE' end,
           'COST ' || p.procost,
           case when p.proretset then 'ROWS ' || p.prorows end,
           'SUPPORT ' || nullif(p.prosupport::oid, 0)::regproc::text,
           (select string_agg('SET ' || s, ' ' order by s) from unnest(p.proconfig) s),
           (select concat_ws(', ', 'SFUNC = ' || g.aggtransfn::text, 'STYPE = ' || format_type(g.aggtranstype, null),
                             'FINALFUNC = ' || nullif(g.aggfinalfn::oid, 0)::regproc::text,
                             'COMBINEFUNC = ' || nullif(g.aggcombinefn::oid, 0)::regproc::text,
                             'INITCOND = ' || quote_literal(g.agginitval),
                             'SORTOP = ' || nullif(g.aggsortop, 0)::regoperator::text, 'KIND = ' || g.aggkind::text)
              from pg_aggregate g
             where p.prokind = 'a' and g.aggfnoid = p.oid),
           case when p.prokind <> 'a' then 'AS ' || case when p.prosqlbody is not null then pg_get_function_sqlbody(p.oid)
                                                       else concat_ws(', ', quote_literal(p.probin), quote_literal(p.prosrc)) end end,
           d.text) as definition
    from pg_proc p
    join nsp n on n.oid = p.pronamespace
    join pg_language l on l.oid = p.prolang
    left join dsc d on d.classoid = 'pg_proc'::regclass and d.objoid = p.oid and d.objsubid = 0
   where not exists (select from pg_depend e where e.classid = 'pg_proc'::regclass and e.objid = p.oid and e.deptype = 'e')
),

-- Enums, free-standing composite types, ranges, domains and base types (not arrays, not table row types).
typ as materialized (
  select case t.typtype when 'd' then 'domain ' else 'type ' end || n.name || '.' || quote_ident(t.typname) as key,
         t.typowner as owner, coalesce(t.typacl, acldefault('T', t.typowner)) as acl,
         concat_ws(' ', case t.typtype
           when 'e' then 'AS ENUM (' || (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                                          from pg_enum e where e.enumtypid = t.oid) || ')'
           when 'c' then 'AS (' || (select string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                                      || coalesce(' COLLATE ' || nullif(a.attcollation, at.typcollation)::regcollation::text, ''),
                                                      ', ' order by a.attnum)
                                     from pg_attribute a join pg_type at on at.oid = a.atttypid
                                    where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) || ')'
           when 'r' then (select 'AS RANGE (' || concat_ws(', ', 'SUBTYPE = ' || format_type(g.rngsubtype, null),
                                                           'SUBTYPE_OPCLASS = ' || quote_ident(oc.opcname),
                                                           'COLLATION = ' || nullif(g.rngcollation, 0)::regcollation::text,
                                                           'CANONICAL = ' || nullif(g.rngcanonical::oid, 0)::regproc::text,
                                                           'SUBTYPE_DIFF = ' || nullif(g.rngsubdiff::oid, 0)::regproc::text) || ')'
                            from pg_range g join pg_opclass oc on oc.oid = g.rngsubopc
                           where g.rngtypid = t.oid)
           when 'd' then concat_ws(' ', 'AS ' || format_type(t.typbasetype, t.typtypmod),
                           'COLLATE ' || nullif(t.typcollation, (select b.typcollation from pg_type b
                                                                  where b.oid = t.typbasetype))::regcollation::text,
                           case when t.typnotnull then 'NOT NULL' end,
                           'DEFAULT ' || pg_get_expr(t.typdefaultbin, 0),
                           (select string_agg(concat_ws(' ', 'CONSTRAINT ' || quote_ident(k.conname),
                                                        pg_get_constraintdef(k.oid), kd.text), ' ' order by k.conname)
                              from pg_constraint k
                              left join dsc kd on kd.classoid = 'pg_constraint'::regclass and kd.objoid = k.oid and kd.objsubid = 0
                             where k.contypid = t.oid))
           else concat_ws(', ', 'BASE (INPUT = ' || t.typinput::text, 'OUTPUT = ' || t.typoutput::text,
                          'INTERNALLENGTH = ' || t.typlen) || ')' end,
         d.text) as definition
    from pg_type t
    join nsp n on n.oid = t.typnamespace
    left join dsc d on d.classoid = 'pg_type'::regclass and d.objoid = t.oid and d.objsubid = 0
   where (t.typtype in ('e', 'r', 'd')
          or t.typtype = 'c' and (select r.relkind from pg_class r where r.oid = t.typrelid) = 'c'
          or t.typtype = 'b' and t.typsubscript <> 'pg_catalog.array_subscript_handler'::regproc)
     and not exists (select from pg_depend e where e.classid = 'pg_type'::regclass and e.objid = t.oid and e.deptype = 'e')
)

select 'schema ' || n.name, concat_ws(' ', 'SCHEMA', 'COMMENT ' || quote_literal(d.description))
  from nsp n
  left join pg_description d on d.classoid = 'pg_namespace'::regclass and d.objoid = n.oid and d.objsubid = 0

union all
select 'extension ' || quote_ident(x.extname),
       concat_ws(' ', 'VERSION ' || quote_literal(x.extversion), 'SCHEMA ' || quote_ident(n.nspname),
                 'COMMENT ' || quote_literal(d.description))
  from pg_extension x
  join pg_namespace n on n.oid = x.extnamespace
  left join pg_description d on d.classoid = 'pg_extension'::regclass and d.objoid = x.oid and d.objsubid = 0

union all
select r.kind || r.name, r.definition from rel r

union all
select f.key, f.definition from fn f

union all
select y.key, y.definition from typ y

-- Columns of tables and views. POSITION counts live columns only, so that dropping the last column and
-- adding it back as it was reads the same.
union all
select 'column ' || r.name || '.' || quote_ident(a.attname),
       concat_ws(' ',
         format_type(a.atttypid, a.atttypmod),
         case when a.attcollation <> t.typcollation then 'COLLATE ' || a.attcollation::regcollation::text end,
         case when a.attnotnull then 'NOT NULL' else 'NULL' end,
         case when a.attgenerated = 's' then 'GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
              else 'DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) end,
         case a.attidentity when 'a' then 'GENERATED ALWAYS AS IDENTITY' when 'd' then 'GENERATED BY DEFAULT AS IDENTITY' end,
         case when a.attstorage <> t.typstorage then 'STORAGE '
              || case a.attstorage when 'p' then 'PLAIN' when 'e' then 'EXTERNAL' when 'm' then 'MAIN' else 'EXTENDED' end end,
         case a.attcompression when 'p' then 'COMPRESSION pglz' when 'l' then 'COMPRESSION lz4' end,
         case when a.attstattarget >= 0 then 'STATISTICS ' || a.attstattarget end,
         'WITH (' || nullif(array_to_string(array(select o from unnest(a.attoptions) o order by o), ', '), '') || ')',
         'OPTIONS (' || array_to_string(a.attfdwoptions, ', ') || ')',
         'POSITION ' || row_number() over (partition by a.attrelid order by a.attnum),
         d.text)
  from rel r
  join pg_attribute a on a.attrelid = r.oid
  join pg_type t on t.oid = a.atttypid
  left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
  left join dsc d on d.classoid = 'pg_class'::regclass and d.objoid = a.attrelid and d.objsubid = a.attnum
 where r.relkind <> 'S' and a.attnum > 0 and not a.attisdropped

-- Table constraints (domain constraints are part of their domain). The definition carries
-- DEFERRABLE, NOT VALID and NO INHERIT.
union all
select 'constraint ' || r.name || '.' || quote_ident(k.conname), concat_ws('; ', pg_get_constraintdef(k.oid), d.text)
  from rel r
  join pg_constraint k on k.conrelid = r.oid
  left join dsc d on d.classoid = 'pg_constraint'::regclass and d.objoid = k.oid and d.objsubid = 0

union all
select 'index ' || r.schema || '.' || quote_ident(ic.relname),
       concat_ws('; ', pg_get_indexdef(x.indexrelid),
         (select 'PARTITION OF ' || quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
            from pg_inherits i join pg_class p on p.oid = i.inhparent join pg_namespace pn on pn.oid = p.relnamespace
           where i.inhrelid = x.indexrelid),
         case when not x.indisvalid then 'INVALID' end,
         case when x.indisclustered then 'CLUSTER' end,
         d.text)
  from rel r
  join pg_index x on x.indrelid = r.oid
  join pg_class ic on ic.oid = x.indexrelid
  left join dsc d on d.classoid = 'pg_class'::regclass and d.objoid = x.indexrelid and d.objsubid = 0

union all
select 'trigger ' || r.name || '.' || quote_ident(g.tgname),
       concat_ws('; ', pg_get_triggerdef(g.oid),
         case g.tgenabled when 'O' then 'ENABLED' when 'D' then 'DISABLED' when 'R' then 'ENABLE REPLICA' else 'ENABLE ALWAYS' end,
         d.text)
  from rel r
  join pg_trigger g on g.tgrelid = r.oid
  left join dsc d on d.classoid = 'pg_trigger'::regclass and d.objoid = g.oid and d.objsubid = 0
 where not g.tgisinternal

-- Rules other than a view's _RETURN rule, which is the view's definition.
union all
select 'rule ' || r.name || '.' || quote_ident(w.rulename),
       concat_ws('; ', pg_get_ruledef(w.oid),
         case w.ev_enabled when 'D' then 'DISABLED' when 'R' then 'ENABLE REPLICA' when 'A' then 'ENABLE ALWAYS' end,
         d.text)
  from rel r
  join pg_rewrite w on w.ev_class = r.oid
  left join dsc d on d.classoid = 'pg_rewrite'::regclass and d.objoid = w.oid and d.objsubid = 0
 where w.rulename <> '_RETURN'

union all
select 'policy ' || r.name || '.' || quote_ident(p.polname),
       concat_ws(' ', case when p.polpermissive then 'PERMISSIVE' else 'RESTRICTIVE' end,
         'FOR ' || case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE'
                                 else 'ALL' end,
         'TO ' || (select string_agg(g.name, ', ' order by g.name)
                     from (select case when o = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(o)) end as name
                             from unnest(p.polroles) o) g),
         'USING (' || pg_get_expr(p.polqual, p.polrelid) || ')',
         'WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')',
         d.text)
  from rel r
  join pg_policy p on p.polrelid = r.oid
  left join dsc d on d.classoid = 'pg_policy'::regclass and d.objoid = p.oid and d.objsubid = 0

-- Privileges, one row per object and grantee: "grant <object key> to <grantee>". A missing ACL reads as
-- the default one (see acldefault above); the owner's own privileges are left out with the owner.
union all
select 'grant ' || object || ' to ' || case when grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(grantee)) end,
       string_agg(list || ' GRANTED BY ' || quote_ident(pg_get_userbyid(grantor)), '; ' order by pg_get_userbyid(grantor))
  from (select o.object, x.grantee, x.grantor,
               string_agg(x.privilege_type || case when x.is_grantable then ' WITH GRANT OPTION' else '' end, ', '
                          order by x.privilege_type) as list
          from (select r.kind || r.name, r.owner, r.acl from rel r
                union all
                select 'column ' || r.name || '.' || quote_ident(a.attname), r.owner, a.attacl
                  from rel r join pg_attribute a on a.attrelid = r.oid
                 where a.attacl is not null and a.attnum > 0 and not a.attisdropped
                union all
                select 'schema ' || n.name, n.owner, n.acl from nsp n
                union all
                select f.key, f.owner, f.acl from fn f
                union all
                select y.key, y.owner, y.acl from typ y) o(object, owner, acl),
               aclexplode(o.acl) x
         where x.grantee <> o.owner
         group by o.object, x.grantee, x.grantor) p
 group by object, grantee

-- ALTER DEFAULT PRIVILEGES, as stored: "default_grant <role> [in <schema>] on <kind> to <grantee>".
union all
select 'default_grant ' || quote_ident(pg_get_userbyid(g.defaclrole)) || coalesce(' in ' || n.name, '')
       || ' on ' || case g.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions'
                                         when 'T' then 'types' else 'schemas' end
       || ' to ' || case when x.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(x.grantee)) end,
       string_agg(x.privilege_type || case when x.is_grantable then ' WITH GRANT OPTION' else '' end, ', '
                  order by x.privilege_type)
  from pg_default_acl g
  left join nsp n on n.oid = g.defaclnamespace,
       aclexplode(g.defaclacl) x
 where g.defaclnamespace = 0 or n.oid is not null
 group by g.defaclrole, n.name, g.defaclobjtype, x.grantee

-- Publications (Supabase Realtime is one) and the tables of the user schemas they publish.
union all
select 'publication ' || quote_ident(p.pubname),
       concat_ws('; ', case when p.puballtables then 'FOR ALL TABLES' end,
         (select 'TABLES IN SCHEMA ' || string_agg(n.name, ', ' order by n.name)
            from pg_publication_namespace pn join nsp n on n.oid = pn.pnnspid
           where pn.pnpubid = p.oid),
         (select 'TABLE ' || string_agg(r.name
                   || coalesce(' (' || (select string_agg(quote_ident(a.attname), ', ' order by a.attnum)
                                          from pg_attribute a
                                         where a.attrelid = pr.prrelid and a.attnum = any (pr.prattrs::int2[])) || ')', '')
                   || coalesce(' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')', ''), ', ' order by r.name)
            from pg_publication_rel pr join rel r on r.oid = pr.prrelid
           where pr.prpubid = p.oid),
         'PUBLISH ' || concat_ws(', ', case when p.pubinsert then 'insert' end, case when p.pubupdate then 'update' end,
                                 case when p.pubdelete then 'delete' end, case when p.pubtruncate then 'truncate' end),
         case when p.pubviaroot then 'PUBLISH_VIA_PARTITION_ROOT' end,
         d.text)
  from pg_publication p
  left join dsc d on d.classoid = 'pg_publication'::regclass and d.objoid = p.oid and d.objsubid = 0

union all
select 'statistics ' || n.name || '.' || quote_ident(s.stxname),
       concat_ws('; ', pg_get_statisticsobjdef(s.oid), 'STATISTICS ' || nullif(s.stxstattarget, -1), d.text)
  from pg_statistic_ext s
  join nsp n on n.oid = s.stxnamespace
  left join dsc d on d.classoid = 'pg_statistic_ext'::regclass and d.objoid = s.oid and d.objsubid = 0

-- Collations created in the user schemas: every catalog field but identity, owner and version.
union all
select 'collation ' || n.name || '.' || quote_ident(co.collname),
       concat_ws('; ', (to_jsonb(co) - 'oid' - 'collname' - 'collnamespace' - 'collowner' - 'collversion')::text, d.text)
  from pg_collation co
  join nsp n on n.oid = co.collnamespace
  left join dsc d on d.classoid = 'pg_collation'::regclass and d.objoid = co.oid and d.objsubid = 0
 where co.oid >= 16384
   and not exists (select from pg_depend e where e.classid = 'pg_collation'::regclass and e.objid = co.oid and e.deptype = 'e')
