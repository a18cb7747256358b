export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      comments: {
        Row: {
          author_id: string | null
          body: string
          created_at: string
          id: number
          parent_id: number | null
          post_id: number
        }
        Insert: {
          author_id?: string | null
          body: string
          created_at?: string
          id?: number
          parent_id?: number | null
          post_id: number
        }
        Update: {
          author_id?: string | null
          body?: string
          created_at?: string
          id?: number
          parent_id?: number | null
          post_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "comments_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "author_stats"
            referencedColumns: ["author_id"]
          },
          {
            foreignKeyName: "comments_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_parent_id_fkey"
            columns: ["parent_id"]
            isOneToOne: false
            referencedRelation: "comments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "published_posts"
            referencedColumns: ["id"]
          },
        ]
      }
      memberships: {
        Row: {
          joined_at: string
          org_id: number
          profile_id: string
          role: Database["public"]["Enums"]["org_role"]
        }
        Insert: {
          joined_at?: string
          org_id: number
          profile_id: string
          role?: Database["public"]["Enums"]["org_role"]
        }
        Update: {
          joined_at?: string
          org_id?: number
          profile_id?: string
          role?: Database["public"]["Enums"]["org_role"]
        }
        Relationships: [
          {
            foreignKeyName: "memberships_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "org_post_counts"
            referencedColumns: ["org_id"]
          },
          {
            foreignKeyName: "memberships_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "orgs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "memberships_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "author_stats"
            referencedColumns: ["author_id"]
          },
          {
            foreignKeyName: "memberships_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      org_settings: {
        Row: {
          allow_public_posts: boolean
          id: number
          org_id: number
          theme: string
        }
        Insert: {
          allow_public_posts?: boolean
          id?: number
          org_id: number
          theme?: string
        }
        Update: {
          allow_public_posts?: boolean
          id?: number
          org_id?: number
          theme?: string
        }
        Relationships: [
          {
            foreignKeyName: "org_settings_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: true
            referencedRelation: "org_post_counts"
            referencedColumns: ["org_id"]
          },
          {
            foreignKeyName: "org_settings_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: true
            referencedRelation: "orgs"
            referencedColumns: ["id"]
          },
        ]
      }
      orgs: {
        Row: {
          created_at: string
          id: number
          name: string
          owner_id: string
          slug: string
        }
        Insert: {
          created_at?: string
          id?: never
          name: string
          owner_id: string
          slug: string
        }
        Update: {
          created_at?: string
          id?: never
          name?: string
          owner_id?: string
          slug?: string
        }
        Relationships: [
          {
            foreignKeyName: "orgs_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "author_stats"
            referencedColumns: ["author_id"]
          },
          {
            foreignKeyName: "orgs_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      post_stats: {
        Row: {
          likes: number
          post_id: number
          views: number
        }
        Insert: {
          likes?: number
          post_id: number
          views?: number
        }
        Update: {
          likes?: number
          post_id?: number
          views?: number
        }
        Relationships: [
          {
            foreignKeyName: "post_stats_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: true
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "post_stats_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: true
            referencedRelation: "published_posts"
            referencedColumns: ["id"]
          },
        ]
      }
      posts: {
        Row: {
          author_id: string
          body: string | null
          created_at: string
          id: number
          metadata: Json | null
          org_id: number
          published_at: string | null
          status: Database["public"]["Enums"]["post_status"]
          tags: string[]
          title: string
          comment_count: number | null
          excerpt: string | null
        }
        Insert: {
          author_id: string
          body?: string | null
          created_at?: string
          id?: number
          metadata?: Json | null
          org_id: number
          published_at?: string | null
          status?: Database["public"]["Enums"]["post_status"]
          tags?: string[]
          title: string
        }
        Update: {
          author_id?: string
          body?: string | null
          created_at?: string
          id?: number
          metadata?: Json | null
          org_id?: number
          published_at?: string | null
          status?: Database["public"]["Enums"]["post_status"]
          tags?: string[]
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "posts_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "author_stats"
            referencedColumns: ["author_id"]
          },
          {
            foreignKeyName: "posts_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "posts_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "org_post_counts"
            referencedColumns: ["org_id"]
          },
          {
            foreignKeyName: "posts_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "orgs"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          avatar_url: string | null
          created_at: string
          display_name: string | null
          home_address: Database["public"]["CompositeTypes"]["address"] | null
          id: string
          username: string
        }
        Insert: {
          avatar_url?: string | null
          created_at?: string
          display_name?: string | null
          home_address?: Database["public"]["CompositeTypes"]["address"] | null
          id: string
          username: string
        }
        Update: {
          avatar_url?: string | null
          created_at?: string
          display_name?: string | null
          home_address?: Database["public"]["CompositeTypes"]["address"] | null
          id?: string
          username?: string
        }
        Relationships: []
      }
    }
    Views: {
      author_stats: {
        Row: {
          author_id: string | null
          comments: number | null
          posts: number | null
          username: string | null
        }
        Relationships: []
      }
      org_post_counts: {
        Row: {
          last_post_at: string | null
          org_id: number | null
          post_count: number | null
          slug: string | null
        }
        Relationships: []
      }
      published_posts: {
        Row: {
          author_id: string | null
          body: string | null
          id: number | null
          org_id: number | null
          published_at: string | null
          title: string | null
        }
        Insert: {
          author_id?: string | null
          body?: string | null
          id?: number | null
          org_id?: number | null
          published_at?: string | null
          title?: string | null
        }
        Update: {
          author_id?: string | null
          body?: string | null
          id?: number | null
          org_id?: number | null
          published_at?: string | null
          title?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "posts_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "author_stats"
            referencedColumns: ["author_id"]
          },
          {
            foreignKeyName: "posts_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "posts_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "org_post_counts"
            referencedColumns: ["org_id"]
          },
          {
            foreignKeyName: "posts_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "orgs"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      comment_count: {
        Args: { p: Database["public"]["Tables"]["posts"]["Row"] }
        Returns: number
      }
      excerpt: {
        Args: { p: Database["public"]["Tables"]["posts"]["Row"] }
        Returns: string
      }
      my_posts: {
        Args: Record<PropertyKey, never>
        Returns: {
          author_id: string
          body: string | null
          created_at: string
          id: number
          metadata: Json | null
          org_id: number
          published_at: string | null
          status: Database["public"]["Enums"]["post_status"]
          tags: string[]
          title: string
        }[]
        SetofOptions: {
          from: "*"
          to: "posts"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      my_role: {
        Args: { p_org_id: number }
        Returns: Database["public"]["Enums"]["org_role"]
      }
      org_summary: {
        Args: { p_org_id: number }
        Returns: {
          member_count: number
          newest_post: string
          post_count: number
        }[]
      }
      post_json: { Args: { p_id: number }; Returns: Json }
      profile_address: {
        Args: { p_id: string }
        Returns: Database["public"]["CompositeTypes"]["address"]
        SetofOptions: {
          from: "*"
          to: "address"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      recent_posts: {
        Args: {
          p_limit?: number
          p_status?: Database["public"]["Enums"]["post_status"]
        }
        Returns: {
          author_id: string
          body: string | null
          created_at: string
          id: number
          metadata: Json | null
          org_id: number
          published_at: string | null
          status: Database["public"]["Enums"]["post_status"]
          tags: string[]
          title: string
        }[]
        SetofOptions: {
          from: "*"
          to: "posts"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_posts:
        | {
            Args: { query: string }
            Returns: {
              author_id: string
              body: string | null
              created_at: string
              id: number
              metadata: Json | null
              org_id: number
              published_at: string | null
              status: Database["public"]["Enums"]["post_status"]
              tags: string[]
              title: string
            }[]
            SetofOptions: {
              from: "*"
              to: "posts"
              isOneToOne: false
              isSetofReturn: true
            }
          }
        | {
            Args: { p_org_id: number; query: string }
            Returns: {
              author_id: string
              body: string | null
              created_at: string
              id: number
              metadata: Json | null
              org_id: number
              published_at: string | null
              status: Database["public"]["Enums"]["post_status"]
              tags: string[]
              title: string
            }[]
            SetofOptions: {
              from: "*"
              to: "posts"
              isOneToOne: false
              isSetofReturn: true
            }
          }
      touch_post: { Args: { p_post_id: number }; Returns: undefined }
    }
    Enums: {
      org_role: "owner" | "admin" | "member"
      post_status: "draft" | "published" | "archived"
    }
    CompositeTypes: {
      address: {
        street: string | null
        city: string | null
        zip: string | null
        country_code: string | null
      }
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      org_role: ["owner", "admin", "member"],
      post_status: ["draft", "published", "archived"],
    },
  },
} as const
