using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Hub.ServiceDefaults.Data;

/// <summary>Gives a service's own tables snake_case columns, like the shared outbox and inbox tables.</summary>
public static class SnakeCaseNaming
{
    /// <summary>Names the columns of every entity (and complex property) whose type lives under <paramref name="rootNamespace"/>.</summary>
    public static void UseSnakeCaseColumns(this ModelBuilder modelBuilder, string rootNamespace)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith(rootNamespace, StringComparison.Ordinal) == true))
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }

            foreach (var complex in entity.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    property.SetColumnName(ToSnakeCase(complex.Name + property.Name));
                }
            }
        }
    }

    /// <summary>"PriceVersion" → "price_version"; acronyms stay together ("HSCode" → "hs_code").</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))) && name[i - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
