// Compile-time check of the generated types for the supabase-app schema.
// The test copies the generated file next to this one as database.types.ts, then runs
//   tsc -p tsconfig.json   (strict, noEmit)
// Every `@ts-expect-error` line must be an error, every other line must compile.
import type {
  CompositeTypes,
  Database,
  Enums,
  Tables,
  TablesInsert,
  TablesUpdate,
} from "./database.types"
import { Constants } from "./database.types"

type Post = Tables<"posts">
type PostInsert = TablesInsert<"posts">
type PostUpdate = TablesUpdate<"posts">
type PostStatus = Enums<"post_status">

const status: PostStatus = "published"
// @ts-expect-error not a member of the post_status enum
const badStatus: PostStatus = "deleted"

const allStatuses: readonly PostStatus[] = Constants.public.Enums.post_status

const post: Post = {
  author_id: "7f1c1a1e-0000-4000-8000-000000000001",
  body: null,
  created_at: "2024-01-01T00:00:00Z",
  id: 1,
  metadata: { source: "import", tags: ["a", "b"], score: 3 },
  org_id: 10,
  published_at: null,
  status,
  tags: ["intro"],
  title: "Hello",
  comment_count: 0,
  excerpt: "Hello",
}

const title: string = post.title
const id: number = post.id
// @ts-expect-error body is nullable
const body: string = post.body

// Only the required columns: title, org_id, author_id.
const insert: PostInsert = {
  title: "Draft",
  org_id: 10,
  author_id: "7f1c1a1e-0000-4000-8000-000000000001",
}

const badInsert: PostInsert = {
  // @ts-expect-error title is a string column
  title: 42,
  org_id: 10,
  author_id: "7f1c1a1e-0000-4000-8000-000000000001",
}

// @ts-expect-error author_id is required on insert
const missingAuthor: PostInsert = { title: "x", org_id: 1 }

const update: PostUpdate = { status: "archived" }
// @ts-expect-error not a column of posts
const badUpdate: PostUpdate = { nope: true }

// Identity "generated always": never writable.
// @ts-expect-error orgs.id is generated always as identity
const orgInsert: TablesInsert<"orgs"> = { id: 1, slug: "s", name: "n", owner_id: "u" }

// Views and materialized views are readable through Tables<>.
const counts: Tables<"org_post_counts"> = {
  org_id: 1,
  slug: "s",
  post_count: 0,
  last_post_at: null,
}
const stats: Tables<"author_stats">["posts"] = null

const role: Enums<"org_role"> = "owner"
const addr: CompositeTypes<"address"> = { street: null, city: "Oslo", zip: null, country_code: "NO" }

// Functions.
type Fns = Database["public"]["Functions"]
const summaryArgs: Fns["org_summary"]["Args"] = { p_org_id: 1 }
const recentArgs: Fns["recent_posts"]["Args"] = {}
// @ts-expect-error p_org_id is a number
const badSummaryArgs: Fns["org_summary"]["Args"] = { p_org_id: "1" }
const myRole: Fns["my_role"]["Returns"] = "member"
const searched: Fns["search_posts"]["Returns"] = [post]

// Relationships carry foreign key names.
type CommentRels = Database["public"]["Tables"]["comments"]["Relationships"][number]
const fk: CommentRels["foreignKeyName"] = "comments_post_id_fkey"
// @ts-expect-error no such foreign key
const badFk: CommentRels["foreignKeyName"] = "comments_nope_fkey"

export {
  addr,
  allStatuses,
  badFk,
  badInsert,
  badStatus,
  badSummaryArgs,
  badUpdate,
  body,
  counts,
  fk,
  id,
  insert,
  missingAuthor,
  myRole,
  orgInsert,
  recentArgs,
  role,
  searched,
  stats,
  summaryArgs,
  title,
  update,
}
