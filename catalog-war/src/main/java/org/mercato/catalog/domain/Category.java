package org.mercato.catalog.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A node of the category tree ("Electronics" > "Headphones"). */
@Entity
@Table(name = "category")
public class Category {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 120)
    private String slug;

    @Column(nullable = false, length = 120)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Category parent;

    @Column(nullable = false)
    private int position;

    protected Category() {
        // for JPA
    }

    public Category(String name, String slug, Category parent, int position) {
        if (Names.isBlank(name) || name.length() > 120) {
            throw new InvalidProductException("a category needs a name of at most 120 characters, not only spaces"
                    + " or invisible characters");
        }
        this.id = UUID.randomUUID();
        this.name = name.trim();
        this.slug = Slugs.require(slug == null ? Slugs.of(name) : slug);
        this.parent = parent;
        this.position = position;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Category parent() {
        return parent;
    }

    public int position() {
        return position;
    }
}
