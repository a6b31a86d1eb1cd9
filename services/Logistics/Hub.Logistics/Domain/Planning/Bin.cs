namespace Hub.Logistics.Domain.Planning;

/// <summary>A container being filled during search: item indexes and their summed load.</summary>
internal sealed class Bin
{
    private readonly List<int> _items;

    public Bin() => _items = [];

    private Bin(List<int> items, Load load)
    {
        _items = items;
        Load = load;
    }

    public IReadOnlyList<int> Items => _items;

    public Load Load { get; private set; }

    public void Add(int item, Load load)
    {
        _items.Add(item);
        Load += load;
    }

    public void Remove(int item, Load load)
    {
        if (!_items.Remove(item))
        {
            throw new InvalidOperationException($"Item {item} is not in this bin.");
        }

        Load -= load;
    }

    public Bin Clone() => new([.. _items], Load);
}
