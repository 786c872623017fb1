using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Partage.Kernel;

namespace Partage.Persistence;

/// <summary>Stores a typed id as its Guid (uuid on PostgreSQL, text on SQLite).</summary>
public sealed class TypedIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Create(value))
    where TId : struct, ITypedId<TId>
{
    // Expression trees cannot call static abstract members directly.
    private static TId Create(Guid value) => TId.From(value);
}

/// <summary>Stores euro amounts as bigint cents. Columns holding other currencies carry their own currency column.</summary>
public sealed class MoneyCentsConverter() : ValueConverter<Money, long>(m => m.Cents, cents => Money.Eur(cents));
