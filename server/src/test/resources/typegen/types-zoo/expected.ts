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
      zoo: {
        Row: {
          big_col: number | null
          bigserial_col: number
          bool_col: boolean | null
          by_default_id: number
          bytea_col: string | null
          char_col: string | null
          cidr_col: unknown
          citext_col: string | null
          date_col: string | null
          domain_int: number
          domain_text: string | null
          double_col: number | null
          id: number
          inet_col: unknown
          int_array: number[] | null
          int_col: number
          int_doubled: number | null
          int_matrix: number[] | null
          int4range_col: unknown
          interval_col: string | null
          json_col: Json | null
          jsonb_array: Json[] | null
          jsonb_col: NonNullable<Json>
          macaddr_col: unknown
          money_col: unknown
          mood_array: Database["public"]["Enums"]["mood"][] | null
          mood_col: Database["public"]["Enums"]["mood"]
          name_col: unknown
          numeric_col: number
          oid_col: unknown
          point_col: unknown
          real_col: number | null
          serial_col: number
          small_col: number | null
          text_array: string[]
          text_col: string
          time_col: string | null
          timestamp_col: string | null
          timestamptz_col: string
          timetz_col: string | null
          tstzrange_col: unknown
          tsvector_col: unknown
          uuid_array: string[] | null
          uuid_col: string
          varchar_col: string | null
          xml_col: unknown
        }
        Insert: {
          big_col?: number | null
          bigserial_col?: number
          bool_col?: boolean | null
          by_default_id?: number
          bytea_col?: string | null
          char_col?: string | null
          cidr_col?: unknown
          citext_col?: string | null
          date_col?: string | null
          domain_int?: number
          domain_text?: string | null
          double_col?: number | null
          id?: never
          inet_col?: unknown
          int_array?: number[] | null
          int_col: number
          int_doubled?: never
          int_matrix?: number[] | null
          int4range_col?: unknown
          interval_col?: string | null
          json_col?: Json | null
          jsonb_array?: Json[] | null
          jsonb_col?: NonNullable<Json>
          macaddr_col?: unknown
          money_col?: unknown
          mood_array?: Database["public"]["Enums"]["mood"][] | null
          mood_col?: Database["public"]["Enums"]["mood"]
          name_col?: unknown
          numeric_col?: number
          oid_col?: unknown
          point_col?: unknown
          real_col?: number | null
          serial_col?: number
          small_col?: number | null
          text_array?: string[]
          text_col?: string
          time_col?: string | null
          timestamp_col?: string | null
          timestamptz_col?: string
          timetz_col?: string | null
          tstzrange_col?: unknown
          tsvector_col?: unknown
          uuid_array?: string[] | null
          uuid_col?: string
          varchar_col?: string | null
          xml_col?: unknown
        }
        Update: {
          big_col?: number | null
          bigserial_col?: number
          bool_col?: boolean | null
          by_default_id?: number
          bytea_col?: string | null
          char_col?: string | null
          cidr_col?: unknown
          citext_col?: string | null
          date_col?: string | null
          domain_int?: number
          domain_text?: string | null
          double_col?: number | null
          id?: never
          inet_col?: unknown
          int_array?: number[] | null
          int_col?: number
          int_doubled?: never
          int_matrix?: number[] | null
          int4range_col?: unknown
          interval_col?: string | null
          json_col?: Json | null
          jsonb_array?: Json[] | null
          jsonb_col?: NonNullable<Json>
          macaddr_col?: unknown
          money_col?: unknown
          mood_array?: Database["public"]["Enums"]["mood"][] | null
          mood_col?: Database["public"]["Enums"]["mood"]
          name_col?: unknown
          numeric_col?: number
          oid_col?: unknown
          point_col?: unknown
          real_col?: number | null
          serial_col?: number
          small_col?: number | null
          text_array?: string[]
          text_col?: string
          time_col?: string | null
          timestamp_col?: string | null
          timestamptz_col?: string
          timetz_col?: string | null
          tstzrange_col?: unknown
          tsvector_col?: unknown
          uuid_array?: string[] | null
          uuid_col?: string
          varchar_col?: string | null
          xml_col?: unknown
        }
        Relationships: []
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      [_ in never]: never
    }
    Enums: {
      mood: "sad" | "ok" | "happy"
    }
    CompositeTypes: {
      [_ in never]: never
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
      mood: ["sad", "ok", "happy"],
    },
  },
} as const
