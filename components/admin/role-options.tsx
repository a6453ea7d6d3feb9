import { ROLES } from "@/lib/auth/roles";

/** A labelled role picker for forms. */
export function RoleField({ id, defaultRole = "viewer" }: { id: string; defaultRole?: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        Role
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultRole}
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
    </div>
  );
}
