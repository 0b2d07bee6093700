-- Where the subject of an image is, as percentages of its width and height from the top left,
-- so that crops (a card's 16:9 frame) keep it in view. Both or neither; none is the centre.
ALTER TABLE assets ADD COLUMN focus_x INTEGER CHECK (focus_x BETWEEN 0 AND 100);
ALTER TABLE assets ADD COLUMN focus_y INTEGER CHECK (focus_y BETWEEN 0 AND 100);
