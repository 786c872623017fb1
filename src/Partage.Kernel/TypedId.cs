namespace Partage.Kernel;

/// <summary>
/// A technical identifier wrapped in its own type so that a member id can never be passed where
/// an activity id is expected. Values are UUID version 7 (time-ordered, index-friendly).
/// Persistence maps every implementation to a uuid column by convention.
/// </summary>
public interface ITypedId<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}

public static class TypedId
{
    public static TId New<TId>()
        where TId : struct, ITypedId<TId> => TId.From(Guid.CreateVersion7());

    public static bool TryParse<TId>(string? text, out TId id)
        where TId : struct, ITypedId<TId>
    {
        id = default;
        if (!Guid.TryParse(text, out var guid))
        {
            return false;
        }

        id = TId.From(guid);
        return true;
    }
}
